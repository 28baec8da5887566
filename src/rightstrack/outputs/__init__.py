"""What leaves the site as a file a spreadsheet program opens (CSV, XLSX) is written here only:
:mod:`rightstrack.outputs.spreadsheets`. Django-free."""

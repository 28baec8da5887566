"""Writers: any :class:`~rightstrack.reports.document.Report` as HTML, PDF, DOCX, XLSX or PPTX bytes."""

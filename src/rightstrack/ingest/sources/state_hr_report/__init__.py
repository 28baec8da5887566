"""Parser of the Government-commissioned "Report on Human Rights in Kazakhstan" (2021, seed ``002``).

It yields the ratification inventory of Annex I (UN core treaties, ILO, Council of Europe, OSCE,
additional treaties), the UPR reviews with their document symbols and acceptance figures, the OHCHR
letter's priorities (reported when they cite no recommendation numbers) and every measure of the
Human Rights Priority Action Plan with its agencies. ``README.md`` in this folder describes the layout.
"""

"""Parser of an NGO coalition's UPR summary slides (seed ``004``: Kazakhstan, 4th cycle, 2024).

Per issue, the deck says how many recommendations of the last cycle it covers, how many were
implemented, partially or not, with evidence, and which new recommendations the coalition makes
for the coming review. ``README.md`` in this folder describes the layout.
"""

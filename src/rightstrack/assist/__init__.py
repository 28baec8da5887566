"""Machine help in the site: label suggestions editors accept or reject, stored embeddings, semantic
search, links between recommendations that ask the same thing, and claims suggested from prose.

The work itself is done by the Django-free :mod:`rightstrack.analysis`; this app stores its results
and keeps them apart from what people and documents said.
"""

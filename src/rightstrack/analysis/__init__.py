"""Analysis core (no Django): classify, embed, search, link, extract claims, evaluate.

Importing this package is cheap: scikit-learn, NumPy-heavy code and the sentence encoder are
imported inside the functions that need them. See ``README.md`` beside this file.
"""

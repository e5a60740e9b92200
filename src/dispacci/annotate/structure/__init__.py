"""The text's structure: sentences, non-body text (bylines, captions, prompts), the dateline
and the article's date, with the one module that reads dates (``dates``) for every layer.

The component is in ``component``; importing this package imports nothing else.
"""

"""The text's structure: sentences, non-body text (bylines, captions, prompts) and the dateline.

The component is in ``component``; importing this package imports nothing else.
"""

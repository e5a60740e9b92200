"""The events layer: who did what to whom, when — CAMEO coded, with PLOVER category and mode.

The component is in ``component``; importing this package imports nothing else.
"""

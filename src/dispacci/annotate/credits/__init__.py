"""The credits layer: the agencies, media and sources the information is credited to.

The component is in ``component``; importing this package imports nothing else.
"""

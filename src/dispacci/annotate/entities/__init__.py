"""The entities layer: every person, organisation, country and place an article names, resolved to actors.

The component is in ``component``; importing this package imports nothing else.
"""

"""The quotes layer: words in quotation marks and who said them.

The component is in ``component``; importing this package imports nothing else.
"""

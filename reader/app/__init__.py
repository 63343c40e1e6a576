"""The terminal reading app (Textual): library, reader, side by side.

Imported only when the app runs, so `reader clean` never pays for Textual.
"""

"""reader: a terminal reader for scraped Chinese news pages.

The flow is load (bytes -> Page) -> extract (Page -> Article) -> transform
(script conversion, keywords, highlights) -> present (CLI renderers, the TUI).
"""
__version__ = "0.1.0"

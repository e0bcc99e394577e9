"""SoloService: one inbox for a solo founder's customer inquiries and complaints."""

__version__ = "0.1.0"

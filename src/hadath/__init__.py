"""hadath: Arabic news to event data.

reading → text → entities → quotes → events → store → serve
"""
__version__ = "0.1.0"

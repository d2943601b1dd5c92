"""Data and builders for synthetic demo case files (``app.services.demo``).

Everything here is invented: names are common names of each country, places
belong to the fictional Kreis Emsbruch, texts are templates.
"""

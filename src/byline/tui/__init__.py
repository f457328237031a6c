"""The terminal reader (Textual). The analysis core never imports from here."""

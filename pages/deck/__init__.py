"""The meeting's story as slides (`story`), drawn in the browser by pages/presentasi.py and written as a
PowerPoint deck, a PDF deck and the one-page daily report (no Streamlit in this package)."""

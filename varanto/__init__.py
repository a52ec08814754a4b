"""Varanto: a public organisation's information management model (tiedonhallintamalli)
and its published publicity description (asiakirjajulkisuuskuvaus)."""

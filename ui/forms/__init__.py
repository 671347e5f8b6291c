"""The one generic form renderer and the dialog that fills, signs and saves a form."""

"""Writers of the result tables: JSON for the command line, the Excel report."""

# On every page, slide and sheet of an export made from the bundled sample data, so fictional
# figures are never taken for real ones (the exports are in bokmål, like the Excel report).
SAMPLE_MARKER = "EKSEMPELDATA – fiktive tall"

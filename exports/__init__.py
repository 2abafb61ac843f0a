"""Writers of the result tables: JSON for the command line, the Excel report."""

"""Files in, validated canonical DataFrames and a list of issues out. No Streamlit here."""

from loaders.dataset import Dataset, TableInfo, load_dataset
from loaders.errors import InputError

__all__ = ["Dataset", "InputError", "TableInfo", "load_dataset"]

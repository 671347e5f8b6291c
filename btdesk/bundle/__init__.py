"""The signed exchange format (.btbundle): write, read and verify — no database here.

Merging into a store, export and sync are built on these primitives elsewhere.
"""
from .format import FORMAT, FORMAT_VERSION, SUFFIX, BundleError, BundleInfo, BundleLine, ParsedBundle
from .limits import DEFAULT_LIMITS, Limits
from .read import read_bundle
from .write import write_bundle

__all__ = ["DEFAULT_LIMITS", "FORMAT", "FORMAT_VERSION", "SUFFIX", "BundleError", "BundleInfo", "BundleLine",
           "Limits", "ParsedBundle", "read_bundle", "write_bundle"]

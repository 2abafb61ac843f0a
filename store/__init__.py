"""The app's database: publications (the organisation's current data set and its history),
snapshots of the aggregate results, the access list and the audit log."""

from store.snapshots import SnapshotStore

__all__ = ["SnapshotStore"]

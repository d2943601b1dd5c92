"""The team folder on the share and what may be found in it.

Layout::

    <folder>/<team-id>/team.json                      team key wrapped under the passphrase
    <folder>/<team-id>/devices/<device-id>/00000001.seg  that device's segments, in order
    <folder>/<team-id>/devices/<device-id>/state.bin     what it has applied (for pruning)
    <folder>/<team-id>/devices/<device-id>/snapshot-00000042.snap
    <folder>/<team-id>/blobs/<keyed hash>.blob        attachments

Each device writes only in its own folder (and adds blobs, whose names are
unique per content), always as temp file + fsync + rename, so two devices
syncing at once never touch the same file and need no lock. Everything
else found here — conflict copies of Syncthing or Nextcloud, ``desktop.ini``,
``.DS_Store``, ``~$`` files, temp files — does not match the strict name
patterns and is ignored.
"""

from __future__ import annotations

import re
from pathlib import Path

from app.errors import DataError
from app.storage.files import atomic_write, make_private_dir

TEAM_FILE = "team.json"
DEVICES = "devices"
BLOBS = "blobs"
STATE_FILE = "state.bin"
SEGMENT_NAME = re.compile(r"^(\d{8})\.seg$")
SNAPSHOT_NAME = re.compile(r"^snapshot-(\d{8})\.snap$")
DEVICE_NAME = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
BLOB_NAME = re.compile(r"^([0-9a-f]{64})\.blob$")


class NotReachable(DataError):
    pass


def not_reachable(folder: Path) -> NotReachable:
    return NotReachable(
        f"The team folder is not reachable ({folder}). Check that the network drive or "
        "cloud folder is connected; nothing was changed."
    )


class TeamFolder:
    def __init__(self, root: Path, team_id: str) -> None:
        self.root = Path(root)
        self.team_id = team_id
        self.dir = self.root / team_id

    # --- places ------------------------------------------------------------------

    @property
    def team_file(self) -> Path:
        return self.dir / TEAM_FILE

    def device_dir(self, device_id: str) -> Path:
        return self.dir / DEVICES / device_id

    def segment_path(self, device_id: str, seq: int) -> Path:
        return self.device_dir(device_id) / f"{seq:08d}.seg"

    def snapshot_path(self, device_id: str, seq: int) -> Path:
        return self.device_dir(device_id) / f"snapshot-{seq:08d}.snap"

    def state_path(self, device_id: str) -> Path:
        return self.device_dir(device_id) / STATE_FILE

    def blob_path(self, name: str) -> Path:
        return self.dir / BLOBS / f"{name}.blob"

    # --- checks ------------------------------------------------------------------

    def check_reachable(self) -> None:
        """An unmounted drive often shows as an empty folder: without team.json we do nothing."""
        try:
            if self.root.is_dir() and self.team_file.is_file():
                return
        except OSError:
            pass
        raise not_reachable(self.root)

    def reachable(self) -> bool:
        try:
            self.check_reachable()
            return True
        except NotReachable:
            return False

    # --- listing -----------------------------------------------------------------

    def devices(self) -> list[str]:
        try:
            entries = list((self.dir / DEVICES).iterdir())
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise not_reachable(self.root) from exc
        return sorted(e.name for e in entries if DEVICE_NAME.match(e.name) and e.is_dir())

    def _numbers(self, device_id: str, pattern: re.Pattern) -> list[int]:
        try:
            names = [e.name for e in self.device_dir(device_id).iterdir()]
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise not_reachable(self.root) from exc
        return sorted(int(m.group(1)) for n in names if (m := pattern.match(n)))

    def segments(self, device_id: str) -> list[int]:
        return self._numbers(device_id, SEGMENT_NAME)

    def snapshots(self, device_id: str) -> list[int]:
        return self._numbers(device_id, SNAPSHOT_NAME)

    # --- writing -----------------------------------------------------------------

    def write_own(self, path: Path, data: bytes) -> None:
        make_private_dir(path.parent)
        atomic_write(path, data)

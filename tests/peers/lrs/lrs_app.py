"""Ralph's LRS with its file backend appending: as shipped it accepts only the first POST to its file."""

from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend

FSLRSBackend.default_operation_type = BaseOperationType.APPEND
from ralph.api import app  # noqa: E402, F401

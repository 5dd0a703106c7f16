"""Bundle pages: "Send" (export a signed bundle) and "Receive" (verify and import one)."""

from .receive_page import ReceivePage
from .send_page import SendPage

__all__ = ["ReceivePage", "SendPage"]

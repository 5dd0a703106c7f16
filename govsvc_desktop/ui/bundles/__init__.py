"""Bundle pages: "Send" (export a signed bundle) and "Receive" (verify and import one)."""

from govsvc_desktop.ui.bundles.receive_page import ReceivePage
from govsvc_desktop.ui.bundles.send_page import SendPage

__all__ = ["ReceivePage", "SendPage"]

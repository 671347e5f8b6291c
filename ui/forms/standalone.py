"""`python -m ui.forms.standalone --home H FILE.btrequest`: the form alone, for `btdesk open`
(the Qt-free CLI starts this in a new process)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv=None) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from btdesk.errors import BtdeskError
    from btdesk.services.portfolio import Portfolio

    from .dialog import open_request

    ap = argparse.ArgumentParser(prog="btdesk open")
    ap.add_argument("--home", type=Path, required=True)
    ap.add_argument("file", type=Path)
    a = ap.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv)
    try:
        p = Portfolio.open(a.home)
    except BtdeskError as e:
        QMessageBox.critical(None, "btdesk", str(e))
        return 1
    try:
        dlg = open_request(None, p, a.file)
        if dlg is None:
            return 1
        if dlg.exec() and dlg.response_path:
            QMessageBox.information(None, "btdesk", dlg.tr("Det signerade svaret sparades i %1. Skicka det till %2.")
                                    .replace("%1", str(dlg.response_path)).replace("%2", dlg.doctor["name"]))
            print(dlg.response_path)
        return 0
    finally:
        p.close()
        del app


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
"""Opens a .docx in LibreOffice (headless, through UNO) and prints what a Word user would see, as JSON:
the tracked changes (type, author, date), the text as written, after Accept All and after Reject All
(one string per paragraph, and per row of a table, its cells joined by " | "), and which words are struck through or underlined as formatting.

usage: lo_check.py FILE.docx PROFILE_DIR [PDF_OUT]
The profile folder is LibreOffice's user installation for this run, so that tests can run side by side.
With PDF_OUT, the document as written is also exported to PDF (writer_pdf_Export)."""
import json, os, subprocess, sys, time, uuid

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(profile):
    pipe = "amend" + uuid.uuid4().hex
    proc = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
         "-env:UserInstallation=file://" + os.path.abspath(profile),
         "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(600):
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            return proc, ctx
        except Exception:
            if proc.poll() is not None:
                raise SystemExit("soffice exited before accepting a connection")
            time.sleep(0.1)
    raise SystemExit("soffice did not accept a connection")


def paragraphs(doc):
    out = []
    e = doc.Text.createEnumeration()
    while e.hasMoreElements():
        p = e.nextElement()
        if p.supportsService("com.sun.star.text.Paragraph"):
            out.append(p.getString())
        elif p.supportsService("com.sun.star.text.TextTable"):
            # A table: one string per row, its cells joined by " | ".
            rows = p.getRows().getCount()
            names = p.getCellNames()
            for r in range(rows):
                cells = [n for n in names if n.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == str(r + 1)]
                out.append(" | ".join(p.getCellByName(n).getString() for n in cells))
    return out


def formatting(doc):
    """Per paragraph, the portions with their strike-through and underline (as formatting)."""
    out = []
    e = doc.Text.createEnumeration()
    while e.hasMoreElements():
        p = e.nextElement()
        if not p.supportsService("com.sun.star.text.Paragraph"):
            continue
        runs = []
        pe = p.createEnumeration()
        while pe.hasMoreElements():
            r = pe.nextElement()
            s = r.getString()
            if not s:
                continue
            runs.append({"text": s, "struck": r.CharStrikeout != 0, "underlined": r.CharUnderline != 0,
                         "bold": r.CharWeight > 100.0})
        out.append(runs)
    return out


def main():
    path, profile = sys.argv[1], sys.argv[2]
    pdf = sys.argv[3] if len(sys.argv) > 3 else None
    proc, ctx = connect(profile)
    try:
        smgr = ctx.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        url = uno.systemPathToFileUrl(os.path.abspath(path))

        def load():
            return desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))

        doc = load()
        result = {"redlines": [], "text": paragraphs(doc), "formatting": formatting(doc)}
        e = doc.Redlines.createEnumeration()
        while e.hasMoreElements():
            r = e.nextElement()
            d = r.RedlineDateTime
            result["redlines"].append({
                "type": r.RedlineType, "author": r.RedlineAuthor,
                "date": "%04d-%02d-%02dT%02d:%02d:%02d" % (d.Year, d.Month, d.Day, d.Hours, d.Minutes, d.Seconds)})
        if pdf:
            doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(pdf)), (prop("FilterName", "writer_pdf_Export"),))
        for name, command in (("accept", ".uno:AcceptAllTrackedChanges"), ("reject", ".uno:RejectAllTrackedChanges")):
            dispatcher.executeDispatch(doc.CurrentController.Frame, command, "", 0, ())
            result[name] = paragraphs(doc)
            doc.close(True)
            doc = load()
        doc.close(True)
        json.dump(result, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            proc.wait(timeout=30)
        except Exception:
            proc.kill()


main()

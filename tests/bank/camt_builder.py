"""Small CAMT.053 documents for the tests, written entry by entry."""
CAMT_02 = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"


def entry(amount="100.00", *, ccy="EUR", indicator="CRDT", booked="2026-11-27", ref="REF-1",
          name="Bloemisterij De Vries", iban="NL81RABO0312345678", text="Factuur F2026-0081",
          status="<Sts>BOOK</Sts>", extra_tx="", details=None) -> str:
    amt = "" if amount is None else f'<Amt Ccy="{ccy}">{amount}</Amt>'
    ind = f"<CdtDbtInd>{indicator}</CdtDbtInd>" if indicator else ""
    date = f"<BookgDt><Dt>{booked}</Dt></BookgDt>" if booked else ""
    acct_ref = f"<AcctSvcrRef>{ref}</AcctSvcrRef>" if ref else ""
    party = "Dbtr" if indicator != "DBIT" else "Cdtr"
    if details is None:
        details = (f"<TxDtls>{extra_tx}<RltdPties><{party}><Nm>{name}</Nm></{party}>"
                   f"<{party}Acct><Id><IBAN>{iban}</IBAN></Id></{party}Acct></RltdPties>"
                   f"<RmtInf><Ustrd>{text}</Ustrd></RmtInf></TxDtls>")
    return (f"<Ntry>{amt}{ind}{status}{date}{acct_ref}"
            f"<NtryDtls>{details}</NtryDtls></Ntry>")


def document(*entries: str, namespace: str = CAMT_02) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="{namespace}">'
            f"<BkToCstmrStmt><GrpHdr><MsgId>T-1</MsgId><CreDtTm>2026-11-27T18:00:00</CreDtTm>"
            f"</GrpHdr><Stmt><Id>S-1</Id><Acct><Id><IBAN>NL20INGB0001234567</IBAN></Id></Acct>"
            f"{''.join(entries)}</Stmt></BkToCstmrStmt></Document>").encode()

"""The sentence around a name, as the prototypes read it (the Rust rules have their own
readers: `person_en::sentence_bounds` and `detect::sentence_ja`)."""


def sentence_en(t, s, e):
    """The text of the sentence before `t[s:e]` and after it: a sentence ends at ". ",
    "! ", "? " or a line break, and before the name also at ": ". Not cut to a window."""
    a, z = t[:s], t[e:]
    ls = max(a.rfind(". "), a.rfind("\n"), a.rfind("! "), a.rfind("? "), a.rfind(": "))
    cut = [k for k in (z.find(". "), z.find("\n"), z.find("! "), z.find("? ")) if k >= 0]
    le = min(cut) if cut else len(z)
    return a[ls + 1:], z[:le]


def sentence_ja(t, s, e):
    """The Japanese sentence before `t[s:e]` and after it (it ends at 。, ！, ？ or a line
    break), cut to the detectors' window: 64 bytes before the name, 48 after."""
    a, z = t[:s], t[e:]
    ls = max(a.rfind("。"), a.rfind("\n"), a.rfind("！"), a.rfind("？"))
    cut = [k for k in (z.find("。"), z.find("\n"), z.find("！"), z.find("？")) if k >= 0]
    le = min(cut) if cut else len(z)
    a = a[ls + 1:].encode()[-64:].decode(errors="ignore")
    z = z[:le].encode()[:48].decode(errors="ignore")
    return a, z

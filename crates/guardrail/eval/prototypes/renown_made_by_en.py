import re
from sentences import sentence_en
own=re.compile(r'\b(?:our|my|your|Our|My|Your|us|we|We|I|me|family|father|mother|son|daughter|grandfather|grandmother)\b')
allyr=re.compile(r'(?<![0-9])(19[5-9][0-9]|20[0-9]{2})(?![0-9])')
BY=re.compile(r'\b(?:designed|invented|devised|composed|popularised|popularized|coined|discovered|pioneered|patented|founded|named|created|written|developed|introduced|printed|published|described|championed|choreographed) by $')
def rule(t,s,e,name):
    if ' ' not in name: return False
    a,z=sentence_en(t,s,e); a=a[-64:]; z=z[:48]
    m=BY.search(a)
    if not m: return False
    if re.search(r'\b(?:is|are|be|been|being|gets|get)\s*(?:\S+ )?$',a[:m.start()]): return False
    sen=a+z
    return not own.search(sen) and not allyr.search(sen) and not re.search(r"\bwill\b|'ll\b|\bwho is\b|\bwho's\b",sen)

import re
from sentences import sentence_en
FAME=re.compile(r'\b(?:famous|famously|legendary|legend|iconic|celebrated|renowned|pioneer|pioneering|Olympic|Olympics|Nobel|Hall of Fame|inventor|invented|Grand Prix|world record|Test record|gold medal)\b')
own=re.compile(r'\b(?:our|my|your|Our|My|Your|us|we|We|I|me)\b')
def rule(t,s,e,name):
    if ' ' not in name: return False
    a,z=sentence_en(t,s,e)
    a=a[-64:]; z=z[:48]
    sen=a+z
    if re.search(r"(?:Coach|Mr|Mrs|Ms|Dr|Miss) $",a) or re.search(r"year's",sen): return False
    win=re.search(r'\b(?:champion|championship|champions|medal|medallist|medalist)\b',sen) and re.search(r'\b(?:world|World|Olympic|national|National|Test|European|Commonwealth)\b',sen)
    return bool(FAME.search(sen) or win) and not own.search(sen)

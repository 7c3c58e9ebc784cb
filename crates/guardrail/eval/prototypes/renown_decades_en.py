import re
from sentences import sentence_en
DEEDS=set("founded invented devised designed created discovered composed wrote written built popularised popularized patented introduced established developed pioneered coined named raised bred made set won played premiered published painted sang recorded".split())
OLDM=re.compile(r'\b(?:1[0-8][0-9]0s|19[0-4]0s|(?:1[0-9]|[1-9])(?:st|nd|rd|th)[- ]century)\b')
NEW=re.compile(r'(?<![0-9])(19[5-9][0-9]|20[0-9]{2})(?![0-9])')
own=re.compile(r'\b(?:our|my|your|Our|My|Your)\b|(?i:\b\w*(?:father|mother|parents)\b)')
def rule(t,s,e,name):
    if ' ' not in name: return False
    a,z=sentence_en(t,s,e); a,z=a[-64:],z[:48]; sen=a+z
    if not OLDM.search(sen) or NEW.search(sen): return False
    if not any(w in DEEDS for w in re.split(r'[^A-Za-z]+',sen)): return False
    return not own.search(sen)

import re
from sentences import sentence_en
DEEDS=set("founded invented devised designed created discovered composed wrote written built popularised popularized patented introduced established developed pioneered coined named raised bred made set won played premiered published painted sang recorded hit scored flew climbed crossed broke ruled reigned fought sailed explored performed conducted directed starred printed engraved carved sculpted photographed filmed drew mapped surveyed described studied preached captained completed commissioned served".split())
MORE=set("opened excavated unearthed found launched crowned signed".split())
MON="January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
DATE=re.compile(r'\b(?:'+MON+r') (?:1[0-8][0-9]{2}|19[0-4][0-9])\b')
LIFE=re.compile(r'^\*{0,2} \((?:c\. ?|b\. )?(1[0-9]{3})[–-](1[0-9]{3})\)')
NEW=re.compile(r'(?<![0-9])(19[5-9][0-9]|20[0-9]{2})(?![0-9])')
own=re.compile(r'\b(?:our|my|your|Our|My|Your|we|We|us|me|I)\b|(?i:\b\w*(?:father|mother|parents)\b|\b(?:sister|brother|daughter|son|wife|husband|mum|mom|dad|grandson|granddaughter|aunt|uncle|cousin|ancestors?|family)\b)')
MODE=None
def rule(t,s,e,name):
    if ' ' not in name: return False
    a,z=sentence_en(t,s,e); a,z=a[-64:],z[:48]; sen=a+name+z
    life=LIFE.match(t[e:e+20]) and int(LIFE.match(t[e:e+20]).group(2))<1950
    date=DATE.search(sen)
    if not (life or date): return False
    if NEW.search(sen): return False
    ws=set(re.split(r'[^A-Za-z]+',sen))
    if not ws & (DEEDS|MORE): return False
    return not own.search(sen)

import re
own=re.compile(r'\b(?:our|my|your|Our|My|Your|us|we|We|I|me|family|father|mother|son|daughter|husband|wife|grandfather|grandmother|late)\b')
def rule(t,s,e,name):
    if ' ' not in name: return False
    after=t[e:e+80]
    after=re.sub(r'^\*\*|^\*','',after)
    after=re.sub(r'^ \([^)]{1,30}\)','',after)
    m=re.match(r' was (?:a|an) [A-Z]',after)
    if not m: return False
    head=t[max(0,s-40):s]
    z=after[:60]
    return not own.search(head[-30:]+z)

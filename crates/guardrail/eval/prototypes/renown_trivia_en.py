import re
own=re.compile(r'\b(?:our|my|your|Our|My|Your|we|We|us|me|I)\b|(?i:\b\w*(?:father|mother|parents)\b|\b(?:sister|brother|daughter|son|wife|husband|mum|mom|dad|aunt|uncle|cousin|family)\b)')
FF=re.compile(r'(?i)\b(?:fun fact|did you know|trivia|a bit of history|history note|historical note)\b[:!,—–-]*\s')
def rule(t,s,e,name):
    a=t[:s]
    ls=max(a.rfind('. '),a.rfind('\n'),a.rfind('! '),a.rfind('? '))
    head=a[ls+1:][-64:]
    if not FF.search(head): return False
    z=t[e:]; cut=[k for k in [z.find('. '),z.find('\n'),z.find('! '),z.find('? ')] if k>=0]
    sen=head+name+z[:min(cut) if cut else len(z)][:48]
    return not own.search(sen)

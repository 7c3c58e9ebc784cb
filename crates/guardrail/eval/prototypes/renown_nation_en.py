import re
NAT="American|British|English|Scottish|Welsh|Irish|French|German|Italian|Spanish|Portuguese|Dutch|Belgian|Swiss|Austrian|Danish|Swedish|Norwegian|Finnish|Icelandic|Russian|Polish|Czech|Hungarian|Greek|Turkish|Japanese|Chinese|Korean|Indian|Australian|Canadian|Brazilian|Argentine|Argentinian|Mexican|Cuban|Jamaican|Kenyan|Ethiopian|Nigerian|Egyptian|Israeli|Persian|Ukrainian|Romanian|Croatian|Serbian|Slovenian|New Zealand|South African|Victorian|Edwardian|Georgian|Renaissance|Baroque|Venetian|Parisian|Viennese|Florentine|Elizabethan|Flemish|Bavarian|Prussian|Roman|Byzantine|Ottoman|Mughal|Tudor|Stuart|Celtic|Norse|Viking|Medieval|Tang|Song|Ming|Qing|Edo|Meiji|Heian|Taishō|Showa|Shōwa"
pat=re.compile(r'(?:^|[^A-Za-z])(?:'+NAT+r')(?:-born)? (?:[a-z]+[ -]){1,3}$')
own=re.compile(r'\b(?:our|my|your|Our|My|Your)\b')
def rule(t,s,e,name):
    head=t[max(0,s-60):s]
    m=pat.search(head)
    if not m: return False
    if re.search(r"\b(?:is|was|are|were|be|will|and|or|to|for|with|by|at|of)\b", m.group(0)): return False
    return not own.search(head[max(0,m.start()-20):])

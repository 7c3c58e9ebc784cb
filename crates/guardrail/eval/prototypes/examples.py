import re
def rule(t,s,e,name):
    head=t[max(0,s-80):s]
    i=max(head.rfind('(e.g.'),head.rfind('(eg '),head.rfind('(e.g '),head.rfind('（例：'),head.rfind('(for example'),head.rfind('（例えば'),head.rfind('(such as'))
    if i<0: return False
    seg=head[i:]
    return ')' not in seg and '）' not in seg and '\n' not in seg

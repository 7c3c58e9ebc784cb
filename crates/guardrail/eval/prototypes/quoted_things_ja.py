import re
HON=('さん','様','さま','氏','殿','先生','くん','君','ちゃん')
NAMEW=re.compile(r'名前|名義|宛名|表記|記名|名札|登録|予約名|氏名|指名|署名|お呼び|申し付け|担当|スタッフ|講師|ご本人|刺繍|刻印|彫刻|名入れ')
def sent(t,s,e):
    a=t[:s]; z=t[e:]
    ls=max(a.rfind('。'),a.rfind('\n'),a.rfind('！'),a.rfind('？'))
    cut=[k for k in [z.find('。'),z.find('\n'),z.find('！'),z.find('？')] if k>=0]
    le=min(cut) if cut else len(z)
    a=a[ls+1:].encode()[-64:].decode(errors='ignore'); z=z[:le].encode()[:48].decode(errors='ignore')
    return a, z
def rule(t,s,e,name):
    if '・' not in name and '＝' not in name: return False
    if not (t[s-1:s]=='「' and t[e:e+1]=='」'): return False
    if t[e+1:e+3].startswith(HON): return False
    a,z=sent(t,s,e)
    return not NAMEW.search(a+z)

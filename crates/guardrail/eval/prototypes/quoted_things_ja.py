import re
from sentences import sentence_ja
HON=('さん','様','さま','氏','殿','先生','くん','君','ちゃん')
NAMEW=re.compile(r'名前|名義|宛名|表記|記名|名札|登録|予約名|氏名|指名|署名|お呼び|申し付け|担当|スタッフ|講師|ご本人|刺繍|刻印|彫刻|名入れ')
def rule(t,s,e,name):
    if '・' not in name and '＝' not in name: return False
    if not (t[s-1:s]=='「' and t[e:e+1]=='」'): return False
    if t[e+1:e+3].startswith(HON): return False
    a,z=sentence_ja(t,s,e)
    return not NAMEW.search(a+z)

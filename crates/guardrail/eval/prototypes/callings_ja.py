import re
from sentences import sentence_ja
SCH="天文学者|数学者|物理学者|化学者|哲学者|植物学者|医学者|発明家|思想家|画家|写真家|作曲家|建築家|小説家|詩人|医師|神経科医|牧師|博物学者|蘭学者|名人|陶芸家|彫刻家|作家|俳人|歌人|書家|探検家|登山家|飛行家|冒険家|研究家|実業家|創業者|調香師|宣教師|デザイナー|家具デザイナー|工業デザイナー|指揮者|ピアニスト|ヴァイオリニスト|歌手|俳優|女優|力士|横綱"
P=re.compile(r'(?:'+SCH+r')[・、]?$')
OWN=re.compile(r'当(?!時)|弊社|私|わたし|僕|お客様|ご家族|祖父|祖母|父|母|息子|娘|夫|妻|スタッフ|担当|講師|先生|会員|メンバー')
HON=('さん','様','さま','氏','殿','先生','くん','君','ちゃん')
def rule(t,s,e,name):
    a,z=sentence_ja(t,s,e)
    if not P.search(a): return False
    r=t[e:]
    if r.startswith('（') and '）' in r[:30]: r=r[r.index('）')+1:]
    if r.startswith(HON): return False
    return not OWN.search(a+z)

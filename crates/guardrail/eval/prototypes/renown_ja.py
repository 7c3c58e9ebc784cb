import re
from sentences import sentence_ja
FAME=re.compile(r'世界選手権|世界王者|世界チャンピオン|金メダル|ノーベル|殿堂|人間国宝|国民栄誉賞|伝説の|著名な|有名な|名人')
OWN=re.compile(r'当(?!時)|弊社|私|わたし|僕|お客様|ご家族|祖父|祖母|父|母|息子|娘|夫|妻|スタッフ|担当|講師|先生|会員|メンバー|コーチ|指導|元|監督|教室|クラブ|生徒|選手の皆')
def rule(t,s,e,name):
    a,z=sentence_ja(t,s,e); sen=a+name+z
    return bool(FAME.search(sen)) and not OWN.search(sen)

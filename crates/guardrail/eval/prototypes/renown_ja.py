import re
FAME=re.compile(r'世界選手権|世界王者|世界チャンピオン|金メダル|ノーベル|殿堂|人間国宝|国民栄誉賞|伝説の|著名な|有名な|名人')
OWN=re.compile(r'当(?!時)|弊社|私|わたし|僕|お客様|ご家族|祖父|祖母|父|母|息子|娘|夫|妻|スタッフ|担当|講師|先生|会員|メンバー|コーチ|指導|元|監督|教室|クラブ|生徒|選手の皆')
def sent(t,s,e):
    a=t[:s]; z=t[e:]
    ls=max(a.rfind('。'),a.rfind('\n'),a.rfind('！'),a.rfind('？'))
    cut=[k for k in [z.find('。'),z.find('\n'),z.find('！'),z.find('？')] if k>=0]
    le=min(cut) if cut else len(z)
    a=a[ls+1:].encode()[-64:].decode(errors='ignore'); z=z[:le].encode()[:48].decode(errors='ignore')
    return a, z
def rule(t,s,e,name):
    a,z=sent(t,s,e); sen=a+name+z
    return bool(FAME.search(sen)) and not OWN.search(sen)

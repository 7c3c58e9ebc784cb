import re
from sentences import sentence_ja
DEED=re.compile(r'発見|考案|設計|創業|発表|作曲|作詞|発明|命名|設立|創設|創刊|開発|作った|作らせ|建て|描い|書い|著し|初演|優勝|活躍|流行|広め|伝え|創始|完成|制作|製作|刊行|出版|生み出|編み出|確立|記録|達成|成功|設立|築い|始め')
OLD=re.compile(r'(?<![0-9０-９])(1[0-8][0-9]{2}|19[0-4][0-9])年|江戸時代|明治|大正|昭和初期|戦前|[0-9０-９]{1,2}世紀|平安|鎌倉|室町|戦国|安土桃山')
NEW=re.compile(r'(?<![0-9０-９])(19[5-9][0-9]|20[0-9]{2})年?')
OWN=re.compile(r'当(?!時)|現在|代目|弊社|私|わたし|僕|お客様|ご家族|祖父|祖母|曾祖|父|母|息子|娘|夫|妻|スタッフ|担当')
def rule(t,s,e,name):
    a,z=sentence_ja(t,s,e); sen=a+z
    return bool(OLD.search(sen)) and bool(DEED.search(sen)) and not NEW.search(sen) and not OWN.search(sen)

import re
def header_of(t,s):
    ls=t.rfind('\n',0,s)+1; le=t.find('\n',s); le=len(t) if le<0 else le
    line=t[ls:le]
    if not line.lstrip().startswith('|'): return None
    col=line[:s-ls].count('|')-1
    # find table header: walk up lines until separator line
    lines=t[:ls].split('\n')[:-1]
    for k in range(len(lines)-1,-1,-1):
        if re.match(r'^\s*\|?\s*:?-{2,}',lines[k]):
            if k>0:
                cells=[c.strip() for c in lines[k-1].strip().strip('|').split('|')]
                return cells[col] if 0<=col<len(cells) else None
            return None
        if not lines[k].lstrip().startswith('|'): return None
    return None
THING=set("""event events model models item items product products style styles variety varieties cultivar cultivars species breed breeds location locations venue venues route routes room rooms service services ride rides tune tunes song songs track tracks title titles dance dances jump jumps skill skills move moves award awards trophy trophies prize prizes boat boats vessel vessels ship ships horse horses dog dogs cat cats bird birds animal animals pet pets puppet puppets character characters balloon balloons brand brands tartan tartans rose roses pen pens ink inks rod rods panel panels show shows race races course courses class classes trail trails walk walks peak peaks hill hills station stations stop stops dish dishes drink drinks cocktail cocktails wine wines beer beers cheese cheeses coffee coffees tea teas blend blends scent scents fragrance fragrances colour colours color colors pattern patterns design designs piece pieces work works book books film films album albums record records game games team teams recipe recipes menu plant plants tree trees flower flowers apple apples grape grapes car cars bike bikes hat hats chair chairs font fonts typeface""".split()) | set("商品 商品名 品名 品種 銘柄 犬種 猫種 車両 車種 ブランド モデル メニュー 料理 曲 曲名 作品 作品名 書名 タイトル 演目 イベント イベント名 会場 コース コース名 ルート ルート名 山 山名 駅 トロフィー 賞 賞名 種類 品目 テーマ 技 技名 馬 馬名 犬 鳥 ペット 人形 キャラクター 部屋 部屋名 ワイン 日本酒 酒 コーヒー 豆 花 品".split())

def rule(t, s, e, name):
    h = header_of(t, s)
    return h is not None and h.strip('*').strip().lower() in THING

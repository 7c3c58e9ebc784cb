import re
WORKS="poem|poems|novel|novels|formula|theory|theorem|law|laws|principle|equation|symphony|concerto|opera|painting|paintings|sculpture|sculptures|invention|inventions|discovery|experiment|experiments|expedition|voyage|flight|sonnet|sonnets|diaries|diary|memoir|autobiography|treatise|antiseptic|masterpiece|masterpieces|plays|play"
P=re.compile(r"^['’]s (?:(?:\d{4}|[a-z]+|famous|first|last|great|early|late) ){0,2}(?:"+WORKS+r")\b")
own=re.compile(r'\b(?:our|my|your|Our|My|Your|we|We|us|me|I)\b')
def rule(t,s,e,name):
    if ' ' not in name: return False
    if not P.match(t[e:e+50]): return False
    return not own.search(t[max(0,s-64):e+48])

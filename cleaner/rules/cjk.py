"""Boilerplate phrases of Chinese, Japanese, Korean and Thai pages.

The same families as the European phrase lists (adverts, related stories, comments, share bars,
read-more links, relative times and counters, app promos, legal lines, menus, tag lines), as named
data: one tuple of phrases per language, joined into one whole-line pattern per rule. Chinese is
given in simplified and traditional characters. No pattern can match a line without characters of
these scripts (except a bare number with a unit of theirs), so European pages are never touched; the
patterns that may start a line with any character are gated by trigger literals (LEG009) or start
with a character of these scripts, so that whole-line matching (`matching.py`, candidates chosen by a
line's first characters) does not try them on every European line. Those that may start with a digit
or a Latin letter ("12 评论", "APP下载") are tried on no line without a character of these scripts:
every rule here but SHR004 ("Qzone") is `cjk_only`.
"""

from __future__ import annotations

from .base import Rule

#: Trailing decoration of a link or button: arrows, colons, ellipses, counters.
_END = r"[\s:：.。!！…»›>→|+*-]*"
#: A counter printed after a label: "评论 12", "댓글 3", "(12)".
_COUNT = r"(?:\s*[(（]?\s*\d[\d,.]*\s*[万萬千kK]?\+?\s*[)）]?)?"


_HAN = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
_HANGUL = r"[\uac00-\ud7af]"


def _any(*phrases: str) -> str:
    return "(?:" + "|".join(phrases) + ")"


ADVERTS = {
    "zh": ("广告", "廣告", "推广", "推廣", "赞助", "贊助", "赞助内容", "贊助內容", "商业推广", "商業推廣", "广告位", "廣告位"),
    "ja": ("広告", "スポンサーリンク", "スポンサー", "プロモーション", "広告・PR", "PR広告"),
    "ko": ("광고", "스폰서", "협찬", "AD 광고"),
    "th": ("โฆษณา", "ผู้สนับสนุน", "พื้นที่โฆษณา"),
}
RELATED = {
    "zh": ("相关新闻", "相關新聞", "相关阅读", "相關閱讀", "相关文章", "相關文章", "相关报道", "相關報導", "相关链接", "相關連結",
           "延伸阅读", "延伸閱讀", "推荐阅读", "推薦閱讀", "热门推荐", "熱門推薦", "猜你喜欢", "猜你喜歡", "热门文章", "熱門文章",
           "热点新闻", "熱點新聞", "热门新闻", "熱門新聞", "更多新闻", "更多新聞", "更多精彩", "为你推荐", "為你推薦", "编辑推荐",
           "編輯推薦", "精彩推荐", "精彩推薦", "最新文章", "最新新闻", "热门排行", "排行榜", "看了又看", "大家都在看"),
    "ja": ("関連記事", "関連ニュース", "おすすめ記事", "オススメ記事", "あわせて読みたい", "合わせて読みたい", "こちらもおすすめ",
           "人気記事", "人気の記事", "アクセスランキング", "最新記事", "新着記事", "この記事を読んだ人におすすめ", "注目記事"),
    "ko": ("관련기사", "관련 기사", "관련뉴스", "관련 뉴스", "많이 본 뉴스", "많이 본 기사", "인기기사", "인기 기사", "추천기사",
           "추천 기사", "함께 볼만한 뉴스", "최신기사", "최신 기사", "주요뉴스", "주요 뉴스", "이 시각 주요뉴스"),
    "th": ("ข่าวที่เกี่ยวข้อง", "ข่าวเกี่ยวข้อง", "บทความที่เกี่ยวข้อง", "ข่าวแนะนำ", "บทความแนะนำ", "ข่าวล่าสุด", "ข่าวยอดนิยม",
           "อ่านข่าวเพิ่มเติม", "เรื่องที่เกี่ยวข้อง", "ข่าวอื่นๆ", "ข่าวอื่น ๆ"),
}
COMMENTS = {
    "zh": ("评论", "評論", "网友评论", "網友評論", "发表评论", "發表評論", "我要评论", "我要評論", "最新评论", "最新評論",
           "全部评论", "全部評論", "热门评论", "熱門評論", "评论区", "評論區", "留言", "网友留言", "已有\\d+条评论", r"\d+\s*条评论",
           r"\d+\s*條評論"),
    "ja": ("コメント", "コメントを書く", "コメントする", "コメント一覧", r"\d+\s*件のコメント", "みんなのコメント", "読者のコメント"),
    "ko": ("댓글", "댓글쓰기", "댓글 쓰기", "전체 댓글", "전체댓글", "댓글 보기", "댓글보기"),
    "th": ("ความคิดเห็น", "แสดงความคิดเห็น", "ความคิดเห็นทั้งหมด", "ร่วมแสดงความคิดเห็น"),
}
SHARE = {
    "zh": ("分享到", "分享", "转发", "轉發", "微信", "微博", "新浪微博", "QQ空间", "QQ空間", "QQ好友", "Qzone", "朋友圈", "微信扫一扫",
           "扫一扫", "掃一掃", "收藏", "打印", "打印本页", "列印", "复制链接", "複製連結", "分享至"),
    "ja": ("シェア", "シェアする", "ツイート", "LINEで送る", "はてなブックマーク", "はてブ", "いいね", "ブックマーク",
           "印刷", "URLをコピー"),
    "ko": ("공유하기", "공유", "카카오톡", "카카오스토리", "페이스북", "트위터", "네이버 블로그", "밴드", "스크랩", "인쇄", "URL 복사",
           "링크 복사", "좋아요"),
    "th": ("แชร์", "แบ่งปัน", "ไลน์", "เฟซบุ๊ก", "ทวิตเตอร์", "คัดลอกลิงก์", "พิมพ์"),
}
READ_MORE = {
    "zh": ("阅读全文", "閱讀全文", "阅读更多", "閱讀更多", "查看全文", "展开全文", "展開全文", "点击查看", "點擊查看", "查看更多",
           "更多", "继续阅读", "繼續閱讀", "全文阅读", "点击阅读全文", "點擊閱讀全文", "阅读原文", "閱讀原文"),
    "ja": ("続きを読む", "もっと見る", "もっと読む", "全文を読む", "全文を表示", "詳しくはこちら", "記事を読む", "続きはこちら"),
    "ko": ("더보기", "기사 더보기", "전문 보기", "전문보기", "자세히 보기", "자세히보기", "계속 읽기", "원문 보기", "원문보기"),
    "th": ("อ่านต่อ", "อ่านเพิ่มเติม", "อ่านทั้งหมด", "ดูเพิ่มเติม", "อ่านข่าวต่อ", "คลิกอ่านต่อ"),
}
#: Relative times: a number and a unit, then the word for "ago"; or a word alone ("刚刚", "yesterday").
RELATIVE = {
    "zh": (r"\d+\s*(?:秒钟?|秒鐘|分钟|分鐘|小时|小時|天|周|週|个月|個月|年)前", "刚刚", "剛剛", "昨天", "今天", "前天"),
    "ja": (r"\d+\s*(?:秒|分|時間|日|週間|か月|ヶ月|ヵ月|カ月|年)前", "たった今", "昨日", "今日", "一昨日"),
    "ko": (r"\d+\s*(?:초|분|시간|일|주|개월|달|년)\s*전", "방금", "방금 전", "어제", "오늘"),
    "th": (r"\d+\s*(?:วินาที|นาที|ชั่วโมง|ชม\.|วัน|สัปดาห์|อาทิตย์|เดือน|ปี)\s*(?:ที่แล้ว|ก่อน)", "เมื่อวาน", "วันนี้",
           "เมื่อสักครู่"),
}
#: Words before a relative time ("发布于 5小时前", "更新: 3時間前", "입력 5시간 전").
RELATIVE_LEAD = ("发布于", "發佈於", "发布时间", "發佈時間", "更新于", "更新於", "更新时间", "更新時間", "更新", "公開", "投稿", "配信",
                 "입력", "수정", "업데이트", "โพสต์", "อัปเดต", "เผยแพร่")
#: Counter words, after or before the number ("1234 阅读", "阅读 1234", "조회수 1,234", "อ่าน 1,234 ครั้ง").
COUNTERS = ("阅读", "閱讀", "阅读量", "閱讀量", "浏览", "瀏覽", "浏览量", "瀏覽量", "次阅读", "次閱讀", "人阅读", "人閱讀", "次浏览",
            "评论", "評論", "条评论", "條評論", "赞", "讚", "点赞", "點讚", "收藏", "转发", "轉發", "分享", "人参与", "人參與",
            "コメント", "件のコメント", "いいね", "シェア", "閲覧", "댓글", "조회", "조회수", "공유", "좋아요", "추천",
            "ความคิดเห็น", "ครั้ง", "แชร์", "ถูกใจ", "อ่าน", "เข้าชม", "วิว")
APP_PROMOS = (
    r"下载\S{0,12}(?:客户端|APP|App|app)", r"下載\S{0,12}(?:客戶端|APP|App|app)", "(?:" + _HAN + r"\S{0,11}|APP|App|app)?(?:客户端|客戶端)下载",
    "APP下载", "App下载", "扫码下载", "掃碼下載", "扫码关注", "掃碼關注", r"扫描(?:下方)?二维码\S{0,20}", r"掃描(?:下方)?二維碼\S{0,20}",
    r"长按识别二维码\S{0,20}", r"关注(?:我们|微信公众号|公众号|\S{1,12}公众号|\S{1,8}(?:网|網|微博|微信|头条号))",
    r"關注(?:我們|微信公眾號|公眾號|\S{1,8}(?:網|微博|微信))", "点击关注", "點擊關注",
    "アプリをダウンロード", "アプリで読む", "アプリで開く", "公式アプリ", "앱 다운로드", "앱에서 보기", "앱으로 보기", "앱 설치",
    "ดาวน์โหลดแอป", "ดาวน์โหลดแอปพลิเคชัน",
)
LEGAL = (
    r"版权所有.{0,80}", r"版權所有.{0,80}", r"(?:.{0,60})?未经(?:书面)?(?:许可|授权|同意).{0,20}不得转载.{0,60}",
    r"(?:.{0,60})?未經(?:書面)?(?:許可|授權|同意).{0,20}不得轉載.{0,60}", "版权声明", "版權聲明", "免责声明", "免責聲明",
    "隐私政策", "隱私政策", "用户协议", "用戶協議", "法律声明", "法律聲明", r"(?:\S{1,4})?icp(?:备|證|证)\S{0,30}.{0,80}",
    r"(?:.{0,60})?(?:無断|無断で)(?:転載|複製|転用).{0,100}", "プライバシーポリシー", "利用規約", "著作権について",
    r"(?:.{0,60})?무단\s?(?:전재|복제).{0,100}", r"저작권자.{0,80}", "개인정보처리방침", "개인정보 처리방침", "이용약관",
    r"สงวนลิขสิทธิ์.{0,80}", "นโยบายความเป็นส่วนตัว", "ข้อกำหนดการใช้งาน",
)
NAVIGATION = (
    "首页", "首頁", "返回首页", "返回首頁", "返回顶部", "返回頂部", "回到顶部", "登录", "登錄", "登入", "注册", "註冊", "搜索", "搜尋",
    "菜单", "選單", "上一篇", "下一篇", "上一页", "下一页", "客户端", "客戶端", "网站地图", "網站地圖", "联系我们", "聯繫我們",
    r"(?:当前位置|當前位置|您的位置|您所在的位置|位置)\s*[:：].{0,120}",
    "ホーム", "トップ", "トップページ", "ログイン", "会員登録", "新規登録", "検索", "メニュー", "前の記事", "次の記事",
    "ページの先頭へ", "ページトップへ", "サイトマップ", "お問い合わせ",
    "홈", "홈으로", "로그인", "회원가입", "검색", "메뉴", "이전 기사", "다음 기사", "이전기사", "다음기사", "맨 위로", "위로",
    "전체메뉴", "전체 메뉴",
    "หน้าแรก", "เข้าสู่ระบบ", "สมัครสมาชิก", "ค้นหา", "เมนู", "ข่าวถัดไป", "ข่าวก่อนหน้า", "กลับสู่ด้านบน", "ติดต่อเรา",
    r"(?:首页|首頁|ホーム|홈|หน้าแรก)\s*[>»/›|]\s*.{1,160}",
)
#: Author, editor and source lines: "作者：王明", "（责任编辑：焦鹏）", "记者 张三 李四", "文／山田太郎",
#: "来源：新华社", "이재훈 기자", "ผู้เขียน: สมชาย". The names after an author or editor word are the authors.
BYLINE_WORDS = ("作者", "记者", "記者", "责任编辑", "責任編輯", "责编", "責編", "编辑", "編輯", "撰文", "文", "執筆", "筆者",
                "편집", "작성자", "글", "ผู้เขียน", "เรื่อง", "ผู้สื่อข่าว")
SOURCE_WORDS = ("来源", "來源", "本文来源", "本文來源", "稿源", "出处", "出處", "出典", "출처", "ที่มา")
BYLINE = (
    r"[（(【\[]?\s*" + _any(*BYLINE_WORDS, *SOURCE_WORDS) + r"\s*[:：/／|｜]\s*[^。！？!?]{1,40}?\s*[）)】\]]?",
    r"(?:记者|記者)\s+[^\s。！？!?]{2,4}(?:\s+[^\s。！？!?]{2,4}){0,3}",
    "(?:" + _HANGUL + r"{1,8}\s+)?" + _HANGUL + r"{2,4}(?:\s*·\s*" + _HANGUL + r"{2,4}){0,2}\s*(?:기자|특파원)(?:\s*[\w.-]+@[\w.-]+)?",
)
TAG_LINES = (
    r"(?:标签|標籤|标 签|关键词|關鍵詞|关键字|關鍵字|分类|分類|栏目|欄目|频道|頻道|タグ|キーワード|カテゴリー?|태그|키워드|카테고리|분류|"
    r"แท็ก|คำค้น|หมวดหมู่)\s*[:：]?\s*.{0,200}",
)


def _line(phrases: dict[str, tuple[str, ...]] | tuple[str, ...]) -> str:
    words = [p for group in phrases.values() for p in group] if isinstance(phrases, dict) else list(phrases)
    return _any(*sorted(words, key=len, reverse=True))


RULES: list[Rule] = [
    Rule("ADV004", "advert", "advertisement marker (Chinese, Japanese, Korean, Thai)",
         r"[\[【(（]?" + _line(ADVERTS) + r"[\]】)）]?" + _END, cjk_only=True),
    Rule("REL005", "related", "related-stories section opener (Chinese, Japanese, Korean, Thai)",
         r"[\[【]?" + _line(RELATED) + r"[\]】]?" + _END, scope="section", cjk_only=True),

    Rule("SHR004", "share", "share or follow buttons (Chinese, Japanese, Korean, Thai)",
         r"(?:(?:" + _line(SHARE) + r")" + _COUNT + r"[\s,|/·•:：、]*){1,14}"),
    Rule("RDM004", "read-more", "read-more link (Chinese, Japanese, Korean, Thai)",
         r"[\[【]?" + _line(READ_MORE) + r"[\]】]?(?:\s*(?:>>|»|>|→|＞＞))?" + _END, cjk_only=True),
    Rule("TIM004", "timestamp", "relative timestamp, possibly with a counter (Chinese, Japanese, Korean, Thai)",
         r"(?:" + _line(RELATIVE_LEAD) + r"\s*[:：]?\s*)?" + _line(RELATIVE) + r"(?:\s*[•·|,，-]?\s*\d{1,6}){0,3}", cjk_only=True),
    Rule("TIM005", "counter", "counter of reads, comments, shares or likes (Chinese, Japanese, Korean, Thai)",
         r"(?:\d[\d,.]*\s*[万萬千kK]?\+?\s*" + _line(COUNTERS) + r"(?:数|數|수|量)?|" + _line(COUNTERS)
         + r"(?:数|數|수|量)?\s*[:：]?\s*\d[\d,.]*\s*[万萬千kK]?\+?\s*(?:次|人|件|회|ครั้ง)?)"
         + r"(?:\s*[•·|,，]?\s*(?:\d[\d,.]*\s*[万萬千kK]?\+?\s*)?" + _line(COUNTERS) + r"?(?:\s*\d[\d,.]*)?){0,3}", cjk_only=True),
    Rule("COM004", "comments", "comment-section opener (Chinese, Japanese, Korean, Thai)",
         r"[\[【]?" + _line(COMMENTS) + r"[\]】]?" + _COUNT + _END, scope="section", cjk_only=True),
    Rule("MET006", "byline", "author, editor or source line (Chinese, Japanese, Korean, Thai; the authors go to metadata)",
         _line(BYLINE) + _END, max_chars=80, cjk_only=True),
    Rule("PRO007", "promo", "app download, QR code or follow-our-account prompt (Chinese, Japanese, Korean, Thai)",
         _line(APP_PROMOS) + _END, cjk_only=True),
    Rule("LEG009", "legal", "copyright, reprint ban, licence number or legal link (Chinese, Japanese, Korean, Thai)",
         _line(LEGAL) + _END, max_chars=300,
         triggers=("版权", "版權", "未经", "未經", "声明", "聲明", "政策", "协议", "協議", "icp", "無断", "プライバシー", "規約",
                   "著作権", "무단", "저작권", "개인정보", "이용약관", "สงวนลิขสิทธิ์", "นโยบาย", "ข้อกำหนด"), cjk_only=True),
    Rule("NAV005", "navigation", "tag, keyword or category line (Chinese, Japanese, Korean, Thai)", _line(TAG_LINES), max_chars=300, cjk_only=True),
    Rule("NAV006", "navigation", "menu, account control or breadcrumb (Chinese, Japanese, Korean, Thai)",
         _line(NAVIGATION) + _END, cjk_only=True),
]

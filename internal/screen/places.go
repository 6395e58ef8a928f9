package screen

// chinesePlaces are the provinces and the larger cities of China, with
// which Chinese companies' names lead, before the company's own word
// ("HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO LTD", "ZHEJIANG DAHUA
// TECHNOLOGY CO LTD"), in pinyin as their Latin names write them. Such a
// word names the place, not the party: a query of the company's own word
// alone stands for the name as it does where no place leads it
// (restCommon).
var chinesePlaces = map[string]struct{}{
	// Provinces, autonomous regions and municipalities.
	"anhui": {}, "beijing": {}, "chongqing": {}, "fujian": {}, "gansu": {}, "guangdong": {}, "guangxi": {},
	"guizhou": {}, "hainan": {}, "hebei": {}, "heilongjiang": {}, "henan": {}, "hubei": {}, "hunan": {},
	"jiangsu": {}, "jiangxi": {}, "jilin": {}, "liaoning": {}, "ningxia": {}, "qinghai": {}, "shaanxi": {},
	"shandong": {}, "shanghai": {}, "shanxi": {}, "sichuan": {}, "tianjin": {}, "xinjiang": {}, "xizang": {},
	"yunnan": {}, "zhejiang": {},
	// Cities.
	"changchun": {}, "changsha": {}, "chengdu": {}, "dalian": {}, "dongguan": {}, "foshan": {}, "fuzhou": {},
	"guangzhou": {}, "guiyang": {}, "haikou": {}, "hangzhou": {}, "harbin": {}, "hefei": {}, "huizhou": {},
	"jinan": {}, "kunming": {}, "lanzhou": {}, "nanchang": {}, "nanjing": {}, "nanning": {}, "ningbo": {},
	"qingdao": {}, "shantou": {}, "shenyang": {}, "shenzhen": {}, "shijiazhuang": {}, "suzhou": {},
	"taiyuan": {}, "urumqi": {}, "wenzhou": {}, "wuhan": {}, "wuxi": {}, "xiamen": {}, "xian": {},
	"yantai": {}, "zhengzhou": {}, "zhongshan": {}, "zhuhai": {},
}

// chinesePlace reports whether w is one of chinesePlaces.
func chinesePlace(w string) bool {
	_, ok := chinesePlaces[w]
	return ok
}

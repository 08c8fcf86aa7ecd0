// Messages of the reach layer (www/js/reach/): the language menu, embed mode and its code,
// the phone layout's tabs, offline use.

export default {
  en: {
    'reach.language': 'Language',
    'reach.openIn': 'Open in Gradscape ↗',
    'reach.embedCode': 'Embed code',
    'reach.embedHelp': 'An <iframe> of this state for a course page or slides:',
    'reach.embedSize': 'Size',
    'reach.embedCopy': 'Copy embed code',
    'reach.embedTitle': 'Gradscape: how optimizers descend',
    'reach.tabControls': 'Controls',
    'reach.tabCharts': 'Charts',
    'reach.offlineReady': 'Ready to work offline',
  },
  'zh-CN': {
    'reach.language': '语言',
    'reach.openIn': '在 Gradscape 中打开 ↗',
    'reach.embedCode': '嵌入代码',
    'reach.embedHelp': '用于课程网页或幻灯片的当前状态 <iframe>：',
    'reach.embedSize': '尺寸',
    'reach.embedCopy': '复制嵌入代码',
    'reach.embedTitle': 'Gradscape：优化器如何下降',
    'reach.tabControls': '控制',
    'reach.tabCharts': '图表',
    'reach.offlineReady': '已可离线使用',
  },
};

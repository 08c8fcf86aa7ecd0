// Messages of the page's frame: title, tagline, language menu. Terms follow the textbook
// chapter (随机梯度下降, 动量, 学习率 …) so that a class reads the words it was taught.

export default {
  en: {
    'core.title': 'Gradscape: how optimizers descend',
    'core.tagline': 'How optimizers descend',
    'core.language': 'Language',
  },
  'zh-CN': {
    'core.title': 'Gradscape：优化器如何下降',
    'core.tagline': '优化器如何下降',
    'core.language': '语言',
  },
};

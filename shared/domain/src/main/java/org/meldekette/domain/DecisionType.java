package org.meldekette.domain;

/** The decisions the legal assessment logs; which article each answers. */
public enum DecisionType {
  /** Art. 33: notify the supervisory authority. */
  NOTIFY_AUTHORITY(Article.ART_33),
  /** Art. 33: the breach is unlikely to result in a risk, so the authority is not notified. */
  NO_AUTHORITY_NOTIFICATION(Article.ART_33),
  /** Art. 33(4): information the first notification lacked, provided in phases. */
  SUPPLEMENTARY_NOTIFICATION(Article.ART_33_4),
  /** Art. 34: inform the data subjects. */
  NOTIFY_DATA_SUBJECTS(Article.ART_34),
  /** Art. 34(3): the data subjects are not informed (with the reason). */
  NO_DATA_SUBJECT_NOTIFICATION(Article.ART_34),
  /** A plain incident: no personal data affected, so neither article applies. */
  NO_PERSONAL_DATA_AFFECTED(Article.NONE);

  public enum Article {
    ART_33,
    ART_33_4,
    ART_34,
    NONE
  }

  private final Article article;

  DecisionType(Article article) {
    this.article = article;
  }

  public Article article() {
    return article;
  }
}
